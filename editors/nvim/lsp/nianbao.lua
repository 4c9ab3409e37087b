-- nianbao language server for Neovim >= 0.11.
-- Put this folder on the runtimepath (or copy this file to ~/.config/nvim/lsp/),
-- then: vim.lsp.enable('nianbao')
return {
  cmd = { 'nianbao', 'lsp' },
  filetypes = { 'markdown', 'text' },
  root_markers = { 'nianbao.toml', '.git' },
  -- Layered over nianbao.toml; see editors/README.md.
  init_options = { debounceMs = 150 },
  settings = { nianbao = {} },
}
