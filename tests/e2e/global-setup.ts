// Before the browser tests: the camera feed and the photo of printed ballots the camera
// test reads (core/examples/omr_video.rs), drawn from the app's own layout with known marks.
// Written every run (a few seconds), so they always match the layout under test.
import { execFileSync } from 'node:child_process';

export const CAMERA_DIR = '.tmp/camera';

export default function globalSetup() {
  execFileSync(
    'cargo',
    ['run', '-q', '-p', 'ballot-core', '--features', 'synth', '--example', 'omr_video', '--', CAMERA_DIR],
    { stdio: 'inherit' },
  );
}
