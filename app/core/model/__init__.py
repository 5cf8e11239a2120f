"""The learned part: the text classifier, the stacker that combines it with the prong scores, the
risk-level thresholds, the precedents, and the verified artifacts and versions on disk."""
