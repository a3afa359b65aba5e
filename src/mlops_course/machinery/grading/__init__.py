"""Grading: submission checks, synthetic cohorts and a harness around the real nbgrader CLI."""
