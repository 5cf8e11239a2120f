"""The rule engine: segmentation into sentences and clauses, the RE2 prefilter that picks the rules
to run, the matcher that finds a rule's evidence, and the weighing of evidence into prong verdicts.
``rulebook`` lists the rules and fingerprints everything that decides evidence and prong scores."""
