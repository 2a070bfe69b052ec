// This file is part of indico-plugin-oewg.
// Copyright (C) 2026 The indico-plugin-oewg authors
// Licensed under the MIT License; see the LICENSE file.

// Builds client/ into <out>/js/main.<hash>.bundle.js, the plugin's stylesheet client/oewg.css into
// <out>/css/main.<hash>.bundle.css and both into <out>/manifest.json (default out: indico_oewg/static/dist).
// Imports of React, semantic-ui-react and Indico's modules resolve to the globals Indico's pages already define
// (the same table as the externals of Indico's own plugin webpack config), so the bundle holds only our code.
import {createHash} from 'node:crypto';
import {mkdirSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GLOBALS = {
  'react': '_IndicoCoreReact',
  'react-dom': '_IndicoCoreReactDom',
  'react-redux': '_IndicoCoreReactRedux',
  'react-final-form': '_IndicoCoreReactFinalForm',
  'final-form': '_IndicoCoreFinalForm',
  'prop-types': '_IndicoCorePropTypes',
  'redux': '_IndicoCoreRedux',
  'semantic-ui-react': '_IndicoCoreSUIR',
  'indico/react/components': '_IndicoReactComponents',
  'indico/react/forms': '_IndicoReactForm',
  'indico/react/forms/fields': '_IndicoReactFormField',
  'indico/react/i18n': '_IndicoReactI18n',
  'indico/react/util': '_IndicoReactUtil',
  'indico/utils/axios': '_IndicoUtilsAxios',
  'indico/utils/case': '_IndicoUtilsCase',
  'indico/utils/date': '_IndicoUtilsDate',
  'indico/utils/plugins': '_IndicoUtilsPlugins',
};
const URL_PREFIX = '/static/plugins/oewg/dist';

const indicoGlobals = {
  name: 'indico-globals',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(GLOBALS).map(k => k.replace(/[/.-]/g, '\\$&')).join('|')})$`);
    build.onResolve({filter}, args => ({path: args.path, namespace: 'indico-global'}));
    build.onLoad({filter: /.*/, namespace: 'indico-global'}, args => ({
      contents: `module.exports = window.${GLOBALS[args.path]};`,
      loader: 'js',
    }));
  },
};

function parseOut(argv) {
  const i = argv.indexOf('--out');
  return path.resolve(i >= 0 ? argv[i + 1] : path.join(ROOT, 'indico_oewg/static/dist'));
}

// Writes the bundle under a name with its content's hash (cache busting), replacing the previous one.
function writeHashed(dir, ext, contents) {
  const hash = createHash('sha256').update(contents).digest('hex').slice(0, 12);
  mkdirSync(dir, {recursive: true});
  for (const name of readdirSync(dir)) {
    rmSync(path.join(dir, name));
  }
  const fileName = `main.${hash}.bundle.${ext}`;
  writeFileSync(path.join(dir, fileName), contents);
  console.log(`${path.relative(process.cwd(), path.join(dir, fileName))} (${contents.length} bytes)`);
  return fileName;
}

const out = parseOut(process.argv.slice(2));
const js = await esbuild.build({
  entryPoints: [path.join(ROOT, 'client/index.jsx')],
  bundle: true,
  format: 'iife',
  target: ['es2020'],
  jsx: 'transform',
  jsxFactory: 'React.createElement',
  jsxFragment: 'React.Fragment',
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  write: false,
  plugins: [indicoGlobals],
  logLevel: 'warning',
});
const css = await esbuild.build({
  entryPoints: [path.join(ROOT, 'client/oewg.css')],
  bundle: true,
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  write: false,
  logLevel: 'warning',
});
const jsName = writeHashed(path.join(out, 'js'), 'js', js.outputFiles[0].contents);
const cssName = writeHashed(path.join(out, 'css'), 'css', css.outputFiles[0].contents);
const manifest = {'main.js': `${URL_PREFIX}/js/${jsName}`, 'main.css': `${URL_PREFIX}/css/${cssName}`};
writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
