"""What the surfaces (API, CLI, page) call: scoring, batch scoring, training and evaluation."""
