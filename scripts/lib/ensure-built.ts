import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs)
  }
  return newest
}

/** Builds the app when there is no build yet or a source file is newer than it. */
export async function ensureBuilt(root: string) {
  // The production image ships the build without the sources: nothing to compare, nothing to build.
  if (!fs.existsSync(path.join(root, 'app'))) return
  const serverBuild = path.join(root, 'build/server/index.js')
  const builtAt = fs.existsSync(serverBuild) ? fs.statSync(serverBuild).mtimeMs : 0
  const sourcesAt = Math.max(newestMtime(path.join(root, 'app')), newestMtime(path.join(root, 'db')))
  if (builtAt >= sourcesAt) return
  console.log('Building the app…')
  execFileSync(process.execPath, [path.join(root, 'node_modules/@react-router/dev/bin.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  })
}
