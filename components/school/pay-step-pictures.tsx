import type { ReactNode } from "react";

/**
 * Our own drawings of a phone screen for each 税务 / 微信 payment step on the parent's page: where to look and
 * where to tap, no words inside (the step's text beside it says what, in the reader's script and size; the
 * alt text says what the picture shows). Not screenshots of any real app; no external image. The picture's
 * width is in rem, so 长辈版 draws it larger with the text.
 */
export const PAY_STEP_PICTURES = ["search", "service", "details", "pay", "done"] as const;
export type PayStepPicture = (typeof PAY_STEP_PICTURES)[number];

const INK = "var(--color-ink-muted)";
const LINE = "var(--color-line)";
const BRAND = "var(--color-brand)";
const SOFT = "var(--color-brand-soft)";

/** Where the finger taps: a ring. */
function Tap({ x, y }: { x: number; y: number }) {
  return (
    <g>
      {/* A white halo keeps the ring visible on a green button too. */}
      <circle cx={x} cy={y} r={9} fill="none" stroke="#fff" strokeWidth={6} />
      <circle cx={x} cy={y} r={9} fill="none" stroke={BRAND} strokeWidth={2.5} />
      <circle cx={x} cy={y} r={3.5} fill={BRAND} stroke="#fff" strokeWidth={1.5} />
    </g>
  );
}

function Phone({ children }: { children: ReactNode }) {
  return (
    <>
      <rect x={4} y={4} width={112} height={192} rx={14} fill="#fff" stroke={INK} strokeWidth={3} />
      <rect x={46} y={11} width={28} height={5} rx={2.5} fill={INK} />
      <rect x={12} y={22} width={96} height={166} rx={4} fill="#fafafa" stroke={LINE} strokeWidth={1} />
      {children}
    </>
  );
}

/** A text line drawn as a bar (the picture has no words). */
function Bar({ x, y, w, h = 5, fill = LINE }: { x: number; y: number; w: number; h?: number; fill?: string }) {
  return <rect x={x} y={y} width={w} height={h} rx={h / 2} fill={fill} />;
}

const DRAWINGS: Record<PayStepPicture, ReactNode> = {
  // Step 1: the search box at the top, then the 税务 mini-program tile among others.
  search: (
    <Phone>
      <rect x={18} y={30} width={84} height={18} rx={9} fill={SOFT} stroke={BRAND} strokeWidth={2} />
      <circle cx={30} cy={39} r={4.5} fill="none" stroke={BRAND} strokeWidth={2} />
      <line x1={33.5} y1={42.5} x2={37} y2={46} stroke={BRAND} strokeWidth={2} strokeLinecap="round" />
      <Bar x={42} y={36.5} w={40} fill={BRAND} />
      {[0, 1, 2].map((col) =>
        [0, 1].map((row) => {
          const x = 20 + col * 28;
          const y = 62 + row * 34;
          const chosen = col === 0 && row === 0;
          return (
            <g key={`${col}-${row}`}>
              <rect x={x} y={y} width={22} height={22} rx={6} fill={chosen ? BRAND : "#fff"} stroke={chosen ? BRAND : LINE} strokeWidth={2} />
              <Bar x={x + 2} y={y + 26} w={18} h={3.5} fill={chosen ? BRAND : LINE} />
            </g>
          );
        }),
      )}
      {/* A shield on the chosen tile: the 社保费缴纳 service. */}
      <path d="M31 66 l7 3 v5 c0 4 -3 7 -7 8 c-4 -1 -7 -4 -7 -8 v-5 z" fill="#fff" />
      <Tap x={40} y={82} />
      <Bar x={20} y={140} w={80} />
      <Bar x={20} y={152} w={64} />
      <Bar x={20} y={164} w={72} />
    </Phone>
  ),
  // Step 2: a list of services; the 城乡居民医保 row (a medical cross) is the one to tap.
  service: (
    <Phone>
      <Bar x={20} y={32} w={50} h={7} fill={INK} />
      {[0, 1, 2, 3].map((i) => {
        const y = 50 + i * 30;
        const chosen = i === 1;
        return (
          <g key={i}>
            <rect x={16} y={y} width={88} height={24} rx={5} fill={chosen ? SOFT : "#fff"} stroke={chosen ? BRAND : LINE} strokeWidth={chosen ? 2.5 : 1.5} />
            {chosen ? (
              <g>
                <rect x={22} y={y + 5} width={14} height={14} rx={3} fill={BRAND} />
                <rect x={27.5} y={y + 7.5} width={3} height={9} fill="#fff" />
                <rect x={24.5} y={y + 10.5} width={9} height={3} fill="#fff" />
              </g>
            ) : (
              <rect x={22} y={y + 5} width={14} height={14} rx={3} fill={LINE} />
            )}
            <Bar x={42} y={y + 9.5} w={chosen ? 46 : 38} fill={chosen ? BRAND : LINE} />
            <path d={`M96 ${y + 8} l4 4 l-4 4`} fill="none" stroke={chosen ? BRAND : LINE} strokeWidth={2} strokeLinecap="round" />
          </g>
        );
      })}
      <Tap x={84} y={92} />
    </Phone>
  ),
  // Step 3: the child's name (a person), ID number (a card) and the year of cover to choose.
  details: (
    <Phone>
      <Bar x={20} y={32} w={50} h={7} fill={INK} />
      <rect x={16} y={48} width={88} height={24} rx={5} fill="#fff" stroke={BRAND} strokeWidth={2} />
      <circle cx={28} cy={57} r={4} fill={BRAND} />
      <path d="M21 68 c0 -6 14 -6 14 0 z" fill={BRAND} />
      <Bar x={42} y={57.5} w={40} fill={INK} />
      <rect x={16} y={80} width={88} height={24} rx={5} fill="#fff" stroke={BRAND} strokeWidth={2} />
      <rect x={21} y={85} width={16} height={13} rx={2} fill="none" stroke={BRAND} strokeWidth={2} />
      <circle cx={26} cy={90} r={2} fill={BRAND} />
      <Bar x={29.5} y={93} w={5} h={2} fill={BRAND} />
      {[0, 1, 2, 3, 4, 5].map((i) => (
        <circle key={i} cx={46 + i * 8.5} cy={92} r={2.5} fill={INK} />
      ))}
      <Bar x={20} y={116} w={30} fill={INK} />
      <rect x={16} y={126} width={40} height={20} rx={10} fill={BRAND} />
      <Bar x={24} y={133.5} w={24} fill="#fff" />
      <rect x={62} y={126} width={40} height={20} rx={10} fill="#fff" stroke={LINE} strokeWidth={2} />
      <Bar x={70} y={133.5} w={24} />
      <Tap x={46} y={142} />
      <rect x={16} y={160} width={88} height={20} rx={6} fill={LINE} />
    </Phone>
  ),
  // Step 4: the amount to check (a coin), then the big pay button at the bottom.
  pay: (
    <Phone>
      <Bar x={20} y={32} w={50} h={7} fill={INK} />
      <circle cx={60} cy={78} r={22} fill={SOFT} stroke={BRAND} strokeWidth={3} />
      <path d="M52 66 l8 10 l8 -10 M60 76 v16 M52 80 h16 M52 86 h16" fill="none" stroke={BRAND} strokeWidth={3} strokeLinecap="round" strokeLinejoin="round" />
      <Bar x={30} y={110} w={60} h={7} fill={INK} />
      <Bar x={36} y={124} w={48} />
      <rect x={16} y={154} width={88} height={24} rx={8} fill={BRAND} />
      <Bar x={44} y={163.5} w={32} fill="#fff" />
      <Tap x={80} y={170} />
    </Phone>
  ),
  // Step 5: the success page (a big tick), framed by screenshot corners: keep it as the receipt.
  done: (
    <Phone>
      <circle cx={60} cy={74} r={24} fill={BRAND} />
      <path d="M48 74 l9 9 l16 -18" fill="none" stroke="#fff" strokeWidth={5} strokeLinecap="round" strokeLinejoin="round" />
      <Bar x={30} y={110} w={60} h={7} fill={INK} />
      <Bar x={36} y={124} w={48} />
      <Bar x={40} y={136} w={40} />
      {/* Screenshot corners around the whole screen. */}
      <path d="M14 40 v-16 h16 M90 24 h16 v16 M106 170 v16 h-16 M30 186 h-16 v-16" fill="none" stroke={BRAND} strokeWidth={4} strokeLinecap="round" />
      <rect x={44} y={150} width={32} height={22} rx={4} fill="#fff" stroke={BRAND} strokeWidth={2.5} />
      <circle cx={60} cy={161} r={6} fill="none" stroke={BRAND} strokeWidth={2.5} />
      <rect x={50} y={146} width={10} height={5} rx={1.5} fill={BRAND} />
    </Phone>
  ),
};

/** One step's picture, with its alt text (role="img" and a label: a screen reader reads it, nothing else inside). */
export function PayStepPicture({ picture, alt }: { picture: PayStepPicture; alt: string }) {
  return (
    <svg viewBox="0 0 120 200" role="img" aria-label={alt} className="mx-auto mt-2 block h-auto w-[8.5rem]" data-testid="pay-step-picture" data-picture={picture}>
      <title>{alt}</title>
      {DRAWINGS[picture]}
    </svg>
  );
}
