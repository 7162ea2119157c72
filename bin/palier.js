#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx's loader compiles src/ on the fly, so `npx palier`
// needs no build step.
import { register } from "tsx/esm/api";

register();
await import(new URL("../src/cli/main.ts", import.meta.url).href);
