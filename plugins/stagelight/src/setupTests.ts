import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy* and waitFor poll for the state a test needs; on a busy machine a
// heavy render takes longer than the library's default 1 s, so they may keep
// polling for up to 15 s. A test that passes still returns as soon as its
// state appears.
configure({ asyncUtilTimeout: 15_000 });
