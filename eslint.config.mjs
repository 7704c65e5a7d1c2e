// ESLint for the map's own script (mapper/static/*.js): plain ES5 in the browser, Leaflet as a global.
// No plugin or shared config is imported, so the linter runs from wherever it is installed (see .ci/run).
export default [
  {
    files: ["mapper/static/**/*.js"],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: "script",
      globals: {
        window: "readonly", document: "readonly", L: "readonly", Path2D: "readonly",
        Float64Array: "readonly", Uint8Array: "readonly", Set: "readonly"
      }
    },
    rules: {
      "no-undef": "error",
      "no-unused-vars": ["error", { args: "none" }],
      "no-redeclare": "error",
      "no-dupe-keys": "error",
      "no-dupe-args": "error",
      "no-duplicate-case": "error",
      "no-unreachable": "error",
      "no-func-assign": "error",
      "no-inner-declarations": "off",
      "no-self-compare": "error",
      "no-shadow-restricted-names": "error",
      "no-use-before-define": ["error", { functions: false, variables: false }],
      "no-implied-eval": "error",
      "no-eval": "error",
      "no-new-func": "error",
      "no-script-url": "error",
      "eqeqeq": "error",
      "curly": "error",
      "strict": ["error", "function"],
      "valid-typeof": "error",
      "use-isnan": "error"
    }
  }
];
