"""Lesson helpers: what the notebooks of each module import (``m05_dataops`` serves module 05).

:mod:`mlops_course.lessons.common` holds what several modules share: the synthetic churn data set
and the isolated runner of git and other real tools.
"""
