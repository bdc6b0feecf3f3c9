#!/usr/bin/env -S node --max-semi-space-size=64
// A young generation of two 64 MiB halves (V8 defaults to 16 MiB): a page of an import (its records,
// mapped, checked and written) then dies young instead of being promoted and collected as old:
// garbage collection fell from 16% of an import's CPU profile to 7%, and peak memory stopped
// growing with the size of the shop (ADR 0023). Every way of starting a hub process passes it.
// The installed command: runs the compiled CLI (built by `npm install` through the prepare script).
import { main } from '../dist/src/main.js';

process.exitCode = await main(process.argv.slice(2));
