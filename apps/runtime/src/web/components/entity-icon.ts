/** Icon names used in entity metadata (Lucide/Feather names) → a glyph that renders without an icon font. */
// Plain Unicode symbols (not emoji) so they render with ordinary system fonts, tablets included.
const GLYPHS: Record<string, string> = {
  building: '⌂',
  'check-square': '☑',
  clipboard: '≣',
  cog: '⚙',
  'credit-card': '▭',
  'file-signature': '✎',
  'file-text': '▤',
  'git-branch': '⇄',
  kanban: '▥',
  'life-buoy': '⊕',
  'message-circle': '✉',
  'shopping-cart': '⊞',
  smile: '☺',
  target: '◎',
  tool: '⚒',
  user: '☻',
  users: '☻',
  calendar: '▦',
};

/** The glyph of an entity's `icon` (a single character is used as is; unknown names get a generic one). */
export function entityIcon(icon: string | undefined): string {
  if (!icon) return '▤';
  if ([...icon].length <= 2) return icon;
  return GLYPHS[icon] ?? '▤';
}
