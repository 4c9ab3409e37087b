-- End-to-end test of nianbao in a real, headless Neovim:
--   NIANBAO=target/debug/nianbao nvim --headless -u NONE -i NONE -l editors/nvim/test/e2e.lua
-- Opens a copy of seed 002 with editors/nvim/lsp/nianbao.lua, waits for the
-- server's diagnostics, checks their codes and positions, applies a code
-- action and checks the buffer text and the refreshed diagnostics.

local root = vim.fn.getcwd()
local binary = os.getenv('NIANBAO') or 'nianbao'

local function fail(message)
  io.stderr:write('FAIL: ' .. message .. '\n')
  os.exit(1)
end

local function expect(condition, message)
  if not condition then
    fail(message)
  end
end

vim.cmd('filetype on')
vim.opt.runtimepath:prepend(root .. '/editors/nvim')
vim.lsp.config('nianbao', { cmd = { binary, 'lsp' } })
vim.lsp.enable('nianbao')

-- A copy in a temporary folder, so the repository's nianbao.toml does not apply.
local folder = vim.fn.tempname()
vim.fn.mkdir(folder, 'p')
local file = folder .. '/report.txt'
vim.fn.writefile(vim.fn.readfile(root .. '/tests/seeds/002_bf81134e00d6a1b6.txt', 'b'), file, 'b')
vim.cmd.edit(file)
expect(vim.bo.filetype == 'text', 'filetype is ' .. vim.bo.filetype)

local function sorted_diagnostics()
  local got = vim.diagnostic.get(0)
  table.sort(got, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return got
end

-- The structure (S) codes only: the seed also has form (F) findings.
local function codes(diagnostics)
  local out = {}
  for _, d in ipairs(diagnostics) do
    if d.code:sub(1, 1) == 'S' then
      out[#out + 1] = d.code
    end
  end
  return table.concat(out, ' ')
end

expect(vim.wait(15000, function() return #vim.diagnostic.get(0) >= 5 end, 50), 'no diagnostics from nianbao')
local diagnostics = sorted_diagnostics()
expect(codes(diagnostics) == 'S005 S008 S008 S008 S007', 'codes: ' .. codes(diagnostics))

-- 社会组织 on line 57: Neovim columns are bytes, whatever encoding was negotiated.
local social
for _, d in ipairs(diagnostics) do
  if d.code == 'S008' and not social then
    social = d
  end
end
local line57 = vim.api.nvim_buf_get_lines(0, 56, 57, false)[1]
local col = line57:find('社会组织', 1, true) - 1
expect(social.lnum == 56 and social.col == col, ('S008 at %d:%d, expected 56:%d'):format(social.lnum, social.col, col))
expect(social.end_col == col + #'社会组织', 'S008 ends at ' .. social.end_col)
local client = vim.lsp.get_clients({ name = 'nianbao' })[1]
expect(client ~= nil, 'no nianbao client')
print('position encoding: ' .. client.offset_encoding)

-- Apply the safe fix of the heading variant on line 35 (titled in Chinese: no locale given).
vim.api.nvim_win_set_cursor(0, { 35, 6 })
vim.lsp.buf.code_action({
  apply = true,
  filter = function(action) return action.title == '改为「主动公开政府信息情况」' end,
})
expect(vim.wait(5000, function()
  return vim.api.nvim_buf_get_lines(0, 34, 35, false)[1] == '二、主动公开政府信息情况'
end, 50), 'the code action was not applied: ' .. vim.api.nvim_buf_get_lines(0, 34, 35, false)[1])

-- The server relints the edited buffer: S005 is gone, the rest stays.
expect(vim.wait(5000, function() return codes(sorted_diagnostics()) == 'S008 S008 S008 S007' end, 50),
  'after the fix: ' .. codes(sorted_diagnostics()))

print('nvim e2e: ok (' .. #sorted_diagnostics() .. ' diagnostics after the fix)')
vim.lsp.stop_client(client.id)
vim.fn.delete(folder, 'rf')
os.exit(0)
