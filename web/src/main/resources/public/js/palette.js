// Colour classes for the ward choropleth: sequential for counts and rates, diverging for % change.

const SEQUENTIAL = ['#fff5eb', '#fdd0a2', '#fd8d3c', '#d94801', '#7f2704'];
const DIVERGING = ['#2166ac', '#67a9cf', '#d1e5f0', '#f7f7f7', '#fddbc7', '#ef8a62', '#b2182b'];
const CHANGE_BREAKS = [-50, -25, -10, 10, 25, 50];
export const NO_DATA = '#cfd3da';
/** A change that is not significant at the chosen level: greyed, whatever its size. */
export const NOT_SIGNIFICANT = '#e9e9e9';

/** Class breaks at the quintiles of the values (nulls ignored), rounded for a readable legend. */
function quantileBreaks(values, classes) {
  const sorted = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks = [];
  for (let k = 1; k < classes; k++) {
    const v = sorted[Math.min(sorted.length - 1, Math.floor((k * sorted.length) / classes))];
    const rounded = v >= 10 ? Math.round(v) : Math.round(v * 10) / 10;
    if (!breaks.includes(rounded)) breaks.push(rounded);
  }
  return breaks;
}

function classOf(value, breaks) {
  let k = 0;
  while (k < breaks.length && value >= breaks[k]) k++;
  return k;
}

/**
 * A value as the scale ranks it: a suppressed count "<5" (disclosure control) just below 5, a withheld
 * "[c]" as no data, a number as it is.
 */
function rankable(v) {
  if (typeof v !== 'string') return v;
  return /^<\d{1,3}$/.test(v) ? Number(v.slice(1)) - 0.5 : null;
}

/**
 * A scale for one measure over the features' values: colour(value) and legend rows.
 * @param {string} measure 'count' | 'rate_per_1000' | 'change_pct' | 'mean_imd_rank' | 'share_imd_decile_1'
 */
export function scaleFor(measure, shown) {
  const values = shown.map(rankable);
  const diverging = measure === 'change_pct';
  const breaks = diverging ? CHANGE_BREAKS : quantileBreaks(values, SEQUENTIAL.length);
  const sequential = SEQUENTIAL.slice(SEQUENTIAL.length - breaks.length - 1);
  // a low IMD rank is the more deprived: darkest for the lowest ranks
  const colours = diverging ? DIVERGING : measure === 'mean_imd_rank' ? sequential.reverse() : sequential;
  const fmt = (v) => (diverging ? `${v > 0 ? '+' : ''}${v}%` : v.toLocaleString());
  const rows = colours.map((colour, k) => {
    const lo = k === 0 ? null : breaks[k - 1];
    const hi = k === breaks.length ? null : breaks[k];
    const label = lo === null ? `below ${fmt(hi)}` : hi === null ? `${fmt(lo)} or more` : `${fmt(lo)} to ${fmt(hi)}`;
    return { colour, label };
  });
  if (breaks.length === 0 && colours.length === 1) rows[0].label = 'all equal';
  if (diverging) rows.push({ colour: NOT_SIGNIFICANT, label: 'change not significant (exact Poisson test)' });
  rows.push({ colour: NO_DATA, label: diverging ? 'no previous incidents, or no comparable data' : 'no data' });
  return {
    colour: (shownValue) => {
      const v = rankable(shownValue);
      return v === null || v === undefined ? NO_DATA : colours[classOf(v, breaks)];
    },
    rows,
  };
}
