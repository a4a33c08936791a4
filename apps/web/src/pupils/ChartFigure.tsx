import { Box } from '@mantine/core';
import { ReactNode } from 'react';

/**
 * A chart as one image with its text alternative as the accessible name; the same numbers are
 * always in a table next to it, so nothing is said by the chart alone (nor by colour alone).
 * Charts in it draw their bars without animation (`isAnimationActive={false}`): no motion for
 * those who avoid it, and a chart read or printed at once shows its real heights.
 */
export function ChartFigure({
  label,
  height = 260,
  children,
}: {
  label: string;
  height?: number;
  children: ReactNode;
}) {
  return (
    <Box component="figure" role="img" aria-label={label} m={0} h={height} w="100%" data-testid="chart">
      {children}
    </Box>
  );
}

/** Chart colours with enough contrast against white (3:1 for graphics) and against each other. */
export const CHART_COLOURS = {
  primary: '#1c5d99',
  valid: '#e8a33d',
  invalid: '#a4262c',
  grid: '#d0d7de',
  /** Text in tooltips: the series' own colours (orange) are too pale for text on white. */
  text: '#212529',
};
