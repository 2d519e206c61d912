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
export const CARD_VERSION = 3;

/**
 * Where the title goes: a fixed box, its text centred in it, between the header and the foot.
 * Fixed so that the rest of a card does not depend on its title: that rest is drawn once for
 * all the cards that share it, and each card draws only its title (see render.ts).
 */
export const TITLE_BOX = { left: 96, top: 184, width: 1032, height: 272 } as const;
/**
 * The title is drawn with this many rows more above and below its box: ink there means the
 * title does not fit (wide letters, long words), and it is drawn again smaller.
 */
export const TITLE_MARGIN = 64;
const MIN_TITLE_SIZE = 40;

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

/**
 * Title font sizes to try, largest first: short titles large, long ones smaller, and smaller
 * still, down to a size at which any title `clampTitle` lets through fits, when one does not.
 */
export function titleSizes(title: string): number[] {
  const length = clampTitle(title).length;
  const sizes = [length > 60 ? 56 : length > 32 ? 66 : 78];
  while (sizes.at(-1)! > MIN_TITLE_SIZE) sizes.push(Math.max(MIN_TITLE_SIZE, sizes.at(-1)! - 8));
  return sizes;
}

/** The card as one tree: the reference that a card composed of its two layers must equal. */
export function cardTree(c: CardInput, size = titleSizes(c.title)[0]!): Node {
  const tree = backgroundTree(c);
  const children = tree.props.children as Node[];
  const placement = { position: 'absolute', left: TITLE_BOX.left, top: TITLE_BOX.top, height: TITLE_BOX.height };
  return { ...tree, props: { ...tree.props, children: [...children, titleBlock(c, size, placement)] } };
}

/** Everything but the title: the same for every card with the same kind, detail and accent. */
export function backgroundTree(c: Omit<CardInput, 'title'>): Node {
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
          el('div', { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', fontSize: 30 }, [
            el('div', { display: 'flex', color: '#1a1d23', fontWeight: 600 }, c.detail || ' '),
            el('div', { display: 'flex', color: '#535b68', fontSize: 24 }, c.host),
          ]),
        ],
      ),
    ],
  );
}

/**
 * The title alone, on the card's white: its box and TITLE_MARGIN rows above and below, the
 * text centred in them as it is in the box.
 */
export function titleTree(c: Pick<CardInput, 'title'>, size: number): Node {
  return titleBlock(c, size, { backgroundColor: '#ffffff', height: TITLE_BOX.height + 2 * TITLE_MARGIN });
}

function titleBlock(c: Pick<CardInput, 'title'>, size: number, placement: Record<string, unknown>): Node {
  return el(
    'div',
    {
      ...placement,
      width: TITLE_BOX.width,
      display: 'flex',
      alignItems: 'center',
      fontFamily: 'Inter',
      color: '#1a1d23',
      fontSize: size,
      fontWeight: 700,
      lineHeight: 1.12,
      letterSpacing: -1,
      // A word longer than the box is broken rather than run past it.
      wordBreak: 'break-word',
    },
    clampTitle(c.title),
  );
}
