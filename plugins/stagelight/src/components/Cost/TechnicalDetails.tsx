import { ReactNode, useState } from 'react';
import { Box, Link, Typography } from '@material-ui/core';

/**
 * A plain sentence for whoever reads the page, and behind a "Details" toggle
 * the technical reason (the formula, AWS's error, an HTTP status) for
 * whoever has to fix or check it.
 */
export function TechnicalDetails(props: {
  /** What the reader needs, in one plain sentence. */
  children: ReactNode;
  /** The technical detail; without it only the sentence shows. */
  detail?: ReactNode;
  /** What the details are of, for the toggle's accessible name, e.g. "the dev forecast". */
  about: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Typography variant="body2" component="span">
        {props.children}
      </Typography>
      {props.detail && (
        <>
          {' '}
          <Link
            component="button"
            type="button"
            variant="body2"
            aria-expanded={open}
            aria-label={`${open ? 'Hide details' : 'Details'} of ${
              props.about
            }`}
            onClick={() => setOpen(o => !o)}
          >
            {open ? 'Hide details' : 'Details'}
          </Link>
          {open && (
            <Box mt={0.5}>
              <Typography variant="caption" component="p">
                {props.detail}
              </Typography>
            </Box>
          )}
        </>
      )}
    </>
  );
}
