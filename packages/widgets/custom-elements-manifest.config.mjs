// `cem analyze` (npm run manifest, after the build): the custom-elements manifest that editors,
// Storybook and framework wrappers read, from the widgets' JSDoc (@summary, @fires, @csspart,
// @cssprop, @slot) and Lit's @property/@state decorators.

/**
 * Our elements are registered by `defineElement('cpts-x', CptsX)` (src/internal/define-element.ts),
 * which the analyzer does not know: give each class its tag and its module a definition export.
 */
function defineElementCalls() {
  const tags = new Map();
  return {
    name: 'cpts-define-element',
    analyzePhase({ts, node}) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, element] = node.arguments;
      if (tag && element && ts.isStringLiteral(tag) && ts.isIdentifier(element)) tags.set(element.text, tag.text);
    },
    packageLinkPhase({customElementsManifest}) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          // the events a widget documents with @fires; the analyzer also guesses some from
          // `dispatchEvent(new X(...))` in shared code, nameless or under a constructor's argument name
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name && event.description);
          const tag = tags.get(declaration.name);
          if (declaration.kind !== 'class' || !tag) continue;
          declaration.tagName = tag;
          declaration.customElement = true;
          module.exports ??= [];
          module.exports.push({kind: 'custom-element-definition', name: tag, declaration: {name: declaration.name, module: module.path}});
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.d.ts', 'src/**/*-strings.*.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [defineElementCalls()],
};
