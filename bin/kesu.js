#!/usr/bin/env node
// The admin command line; built to dist/ by `npm install` (the prepare script).
await import("../dist/cli/kesu.js");
