// OCA's prettier settings (addon template, 18.0). A .cjs file rather than
// .prettierrc.yml: prettier 3 resolves plugin names given as strings from the
// project folder, where pre-commit's node environment is not; require.resolve
// finds the plugin through the NODE_PATH that pre-commit sets.
// Indentation (4 spaces) comes from .editorconfig.
/** @type {import('prettier').Config} */
const config = {
    plugins: [require.resolve("@prettier/plugin-xml")],
    bracketSpacing: false,
    printWidth: 88,
    proseWrap: "always",
    semi: true,
    trailingComma: "es5",
    // "preserve", as OCA's 18.0 template: text content (field values, help
    // texts, domains, code) is left byte for byte; "ignore" would re-indent it
    // and change what Odoo loads.
    xmlWhitespaceSensitivity: "preserve",
    overrides: [
        {
            // Our Markdown mixes Chinese and English: re-wrapping breaks lines
            // inside Chinese words, and a line break renders as a space there.
            files: "*.md",
            options: {proseWrap: "preserve"},
        },
    ],
};

module.exports = config;
