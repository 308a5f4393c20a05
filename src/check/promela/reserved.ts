// Words SPIN's lexer never returns as a name (spinlex.c's keyword table, and the
// constants true, false and skip): a variable, field-less type, proctype, inline, mtype
// or parameter named one is SPIN's syntax error ("saw 'keyword: active'"). `in` and
// `print` are not among them: SPIN 6.5 takes `byte in` and `chan in` (checked with spin -a).
export const RESERVED = new Set([
  'active', 'assert', 'atomic', 'bit', 'bool', 'break', 'byte', 'c_code', 'c_decl', 'c_expr', 'c_state', 'c_track',
  'chan', 'D_proctype', 'd_step', 'do', 'else', 'empty', 'enabled', 'eval', 'false', 'fi', 'for', 'full',
  'get_priority', 'goto', 'hidden', 'if', 'init', 'inline', 'int', 'len', 'local', 'ltl', 'mtype', 'nempty',
  'never', 'nfull', 'notrace', 'od', 'of', 'pc_value', 'pid', 'printf', 'printm', 'priority', 'proctype',
  'provided', 'return', 'run', 'select', 'set_priority', 'short', 'show', 'skip', 'timeout', 'trace', 'true', 'typedef',
  'unless', 'unsigned', 'xr', 'xs',
]);
