/**
 * The Open Graph card of a page as a satori element tree: a pure function of what the page
 * says about itself, so the same inputs always give the same image (and the same cache key).
 */

export interface CardInput {
  siteTitle: string;
  /** "Roadmap item", "Objective", … */
  kind: string;
  title: string;
  /** Status, period or progress: one short line. */
  detail: string;
  /** Host name shown at the foot, e.g. `roadmap.acme.example`. */
  host: string;
  /** Accent colour (the item's theme), hex. */
  accent: string;
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Bump when the card's design changes, so cached images are redrawn. */
export const CARD_VERSION = 1;

type Node = { type: string; props: { style?: Record<string, unknown>; children?: Node | Node[] | string } };

const el = (type: string, style: Record<string, unknown>, children?: Node | Node[] | string): Node => ({
  type,
  props: { style, ...(children === undefined ? {} : { children }) },
});

/** Titles longer than the card can hold are cut at a word with an ellipsis. */
export function clampTitle(title: string, max = 90): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd()}…`;
}

export function cardTree(c: CardInput): Node {
  const title = clampTitle(c.title);
  const size = title.length > 60 ? 56 : title.length > 32 ? 66 : 78;
  return el(
    'div',
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      display: 'flex',
      backgroundColor: '#ffffff',
      fontFamily: 'Inter',
      color: '#1a1d23',
    },
    [
      el('div', { width: 24, height: CARD_HEIGHT, backgroundColor: c.accent }),
      el(
        'div',
        {
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          padding: '64px 72px 56px',
          flex: 1,
        },
        [
          el(
            'div',
            { display: 'flex', alignItems: 'center', justifyContent: 'space-between', fontSize: 30, color: '#535b68' },
            [
              el('div', { display: 'flex', fontWeight: 600 }, c.siteTitle),
              el(
                'div',
                {
                  display: 'flex',
                  fontSize: 24,
                  fontWeight: 600,
                  color: '#1d5bd0',
                  backgroundColor: '#e6eefc',
                  borderRadius: 999,
                  padding: '6px 22px',
                },
                c.kind,
              ),
            ],
          ),
          el('div', { display: 'flex', fontSize: size, fontWeight: 700, lineHeight: 1.12, letterSpacing: -1 }, title),
          el('div', { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', fontSize: 30 }, [
            el('div', { display: 'flex', color: '#1a1d23', fontWeight: 600 }, c.detail || ' '),
            el('div', { display: 'flex', color: '#535b68', fontSize: 24 }, c.host),
          ]),
        ],
      ),
    ],
  );
}
