/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads this hook with require(). */
// electron-builder's Windows signing hook (win.signtoolOptions.sign): signs each file with the
// office's code-signing certificate through signtool, when the build machine has one.
//   MEJA_SIGN_CERT_FILE + MEJA_SIGN_CERT_PASSWORD  a .pfx file, or
//   MEJA_SIGN_COMMAND                              a command with {file} (a cloud HSM's signtool wrapper)
// Without either, the installer is left unsigned and the build says so (SmartScreen will warn).
const { execFileSync, execSync } = require('node:child_process');

exports.default = async function sign(configuration) {
  const file = configuration.path;
  if (process.env.MEJA_SIGN_COMMAND) {
    execSync(process.env.MEJA_SIGN_COMMAND.replace('{file}', JSON.stringify(file)), { stdio: 'inherit' });
    return;
  }
  if (process.env.MEJA_SIGN_CERT_FILE) {
    execFileSync(
      'signtool',
      [
        'sign',
        '/fd',
        'sha256',
        '/tr',
        process.env.MEJA_SIGN_TIMESTAMP_URL || 'http://timestamp.digicert.com',
        '/td',
        'sha256',
        '/f',
        process.env.MEJA_SIGN_CERT_FILE,
        '/p',
        process.env.MEJA_SIGN_CERT_PASSWORD || '',
        file,
      ],
      { stdio: 'inherit' },
    );
    return;
  }
  console.warn(`Meja Pengaduan: ${file} is not signed (set MEJA_SIGN_CERT_FILE or MEJA_SIGN_COMMAND).`);
};
