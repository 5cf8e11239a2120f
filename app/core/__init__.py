"""The domain core: prongs, rules, classifier, scorer. Never imports FastAPI, so the API, the
CLI, batch scoring and the page all share one scorer."""
