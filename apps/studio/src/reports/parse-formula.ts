import type { JsonLogic } from '@lattice/engine';

/** A formula parse failure: message and the character offset it points at. */
export interface FormulaError {
  message: { zh: string; en: string };
  at: number;
}

type Token =
  | { t: 'num'; v: number; at: number }
  | { t: 'id'; v: string; at: number }
  | { t: 'op'; v: string; at: number };

/**
 * Parses an arithmetic formula over measure aliases — `(orders - buyers) / orders`, `won * 100 / total`
 * — into the JsonLogic of a formula measure (`+ - * /`, parentheses, numbers, unary minus; usual
 * precedence, left-associative). Returns a {@link FormulaError} instead of throwing.
 *
 * @example parseFormula('(orders - buyers) / orders')
 * // { '/': [{ '-': [{ var: 'orders' }, { var: 'buyers' }] }, { var: 'orders' }] }
 */
export function parseFormula(text: string): JsonLogic | FormulaError {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?)|([a-z_][a-z0-9_]*)|([-+*/()]))/giy;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) {
      const at = text.length - text.slice(pos).trimStart().length;
      return fail(at, `无法识别的字符 "${text[at]}"`, `unexpected character "${text[at]}"`);
    }
    const at = m.index + m[0].length - (m[1] ?? m[2] ?? m[3] ?? '').length;
    if (m[1] !== undefined) tokens.push({ t: 'num', v: Number(m[1]), at });
    else if (m[2] !== undefined) tokens.push({ t: 'id', v: m[2], at });
    else tokens.push({ t: 'op', v: m[3]!, at });
    pos = re.lastIndex;
  }
  let i = 0;
  const peek = () => tokens[i];
  const end = text.length;

  function expr(): JsonLogic | FormulaError {
    let left = term();
    while (!isError(left) && peek()?.t === 'op' && (peek()!.v === '+' || peek()!.v === '-')) {
      const op = (tokens[i++] as Token).v as string;
      const right = term();
      if (isError(right)) return right;
      left = { [op]: [left, right] };
    }
    return left;
  }
  function term(): JsonLogic | FormulaError {
    let left = factor();
    while (!isError(left) && peek()?.t === 'op' && (peek()!.v === '*' || peek()!.v === '/')) {
      const op = (tokens[i++] as Token).v as string;
      const right = factor();
      if (isError(right)) return right;
      left = { [op]: [left, right] };
    }
    return left;
  }
  function factor(): JsonLogic | FormulaError {
    const tok = tokens[i++];
    if (!tok) return fail(end, '公式不完整', 'the formula ends too early');
    if (tok.t === 'num') return tok.v;
    if (tok.t === 'id') return { var: tok.v };
    if (tok.v === '-') {
      const inner = factor();
      return isError(inner) ? inner : { '-': [inner] };
    }
    if (tok.v === '(') {
      const inner = expr();
      if (isError(inner)) return inner;
      const close = tokens[i++];
      if (close?.v !== ')') return fail(close?.at ?? end, '缺少右括号', 'missing ")"');
      return inner;
    }
    return fail(tok.at, `此处不应出现 "${tok.v}"`, `unexpected "${tok.v}"`);
  }

  if (tokens.length === 0) return fail(0, '请输入公式', 'enter a formula');
  const result = expr();
  if (isError(result)) return result;
  const rest = tokens[i];
  if (rest) return fail(rest.at, `此处不应出现 "${rest.v}"`, `unexpected "${rest.v}"`);
  return result;
}

/** Prints formula JsonLogic back as text (parenthesising only where needed). */
export function formulaText(expr: JsonLogic): string {
  return print(expr, 0);
}

const PREC: Record<string, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

function print(expr: JsonLogic, parent: number): string {
  if (typeof expr === 'number') return String(expr);
  if (expr && typeof expr === 'object' && !Array.isArray(expr)) {
    const [op, args] = Object.entries(expr)[0] ?? [];
    if (op === 'var') return String(Array.isArray(args) ? args[0] : args);
    if (op && Array.isArray(args) && PREC[op]) {
      if (args.length === 1) return `-${print(args[0] as JsonLogic, 3)}`;
      const p = PREC[op]!;
      const text = `${print(args[0] as JsonLogic, p)} ${op} ${print(args[1] as JsonLogic, p + 1)}`;
      return p < parent ? `(${text})` : text;
    }
  }
  return JSON.stringify(expr);
}

/** Whether a parse result is an error. */
export function isError(x: JsonLogic | FormulaError): x is FormulaError {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && 'message' in x && 'at' in x;
}

function fail(at: number, zh: string, en: string): FormulaError {
  return { message: { zh, en }, at };
}
