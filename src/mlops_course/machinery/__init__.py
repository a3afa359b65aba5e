"""Course machinery: build, verification, grading, instructor and student tools, decision aids.

Everything here serves the course itself (how notebooks are generated, executed, verified and
graded); the per-module teaching helpers live in :mod:`mlops_course.lessons`.
"""
