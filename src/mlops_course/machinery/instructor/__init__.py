"""Instructor tools: grade a cohort safely and in parallel, report, analyse items."""
