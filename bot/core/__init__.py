"""The platform-neutral core: models, registry, dispatch, grammar, options, deps, settings,
pacing, health. It knows no feature and no chat library."""
