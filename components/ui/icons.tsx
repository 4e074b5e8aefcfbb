// Line icons drawn inline: no icon font or extra request on a slow connection.
const stroke = { fill: "none", stroke: "currentColor", strokeWidth: 1.8, strokeLinecap: "round", strokeLinejoin: "round" } as const;

export const icons = {
  home: (
    <svg viewBox="0 0 24 24" {...stroke}>
      <path d="M3 11l9-7 9 7" />
      <path d="M5 10v10h14V10" />
      <path d="M10 20v-6h4v6" />
    </svg>
  ),
  services: (
    <svg viewBox="0 0 24 24" {...stroke}>
      <rect x="4" y="4" width="7" height="7" rx="1.5" />
      <rect x="13" y="4" width="7" height="7" rx="1.5" />
      <rect x="4" y="13" width="7" height="7" rx="1.5" />
      <rect x="13" y="13" width="7" height="7" rx="1.5" />
    </svg>
  ),
  progress: (
    <svg viewBox="0 0 24 24" {...stroke}>
      <circle cx="6" cy="6" r="2" />
      <circle cx="6" cy="18" r="2" />
      <path d="M6 8v8" />
      <path d="M11 6h9M11 12h9M11 18h9" />
    </svg>
  ),
  me: (
    <svg viewBox="0 0 24 24" {...stroke}>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c1.5-4 4.5-6 8-6s6.5 2 8 6" />
    </svg>
  ),
  eligibility: (
    <svg viewBox="0 0 24 24" {...stroke}>
      <path d="M9 12l2 2 4-4" />
      <path d="M12 3l7 3v6c0 4.5-3 7.5-7 9-4-1.5-7-4.5-7-9V6z" />
    </svg>
  ),
  estimate: (
    <svg viewBox="0 0 24 24" {...stroke}>
      <rect x="5" y="3" width="14" height="18" rx="2" />
      <path d="M8 7h8M8 11h2M12 11h2M16 11h0M8 15h2M12 15h2M8 18h2M12 18h2M16 15v3" />
    </svg>
  ),
  apply: (
    <svg viewBox="0 0 24 24" {...stroke}>
      <path d="M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z" />
      <path d="M14 3v6h6M12 12v6M9 15h6" />
    </svg>
  ),
  track: (
    <svg viewBox="0 0 24 24" {...stroke}>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 3" />
    </svg>
  ),
  school: (
    <svg viewBox="0 0 24 24" {...stroke}>
      <path d="M2 9l10-5 10 5-10 5z" />
      <path d="M6 11v5c2 2 10 2 12 0v-5" />
    </svg>
  ),
  desk: (
    <svg viewBox="0 0 24 24" {...stroke}>
      <path d="M3 10h18M5 10v10M19 10v10M3 20h18" />
      <circle cx="12" cy="5" r="2.5" />
    </svg>
  ),
  chevron: (
    <svg viewBox="0 0 24 24" {...stroke}>
      <path d="M9 6l6 6-6 6" />
    </svg>
  ),
  back: (
    <svg viewBox="0 0 24 24" {...stroke}>
      <path d="M15 5l-7 7 7 7" />
    </svg>
  ),
};
