"""nbgrader configuration of this course repository (instructor side).

The student release is the committed ``notebooks/`` folder, so ``release_directory`` points
there. Every setting lives in ``mlops_course.machinery.build.nbgrader_settings`` so that the build and the
grading harness use exactly the same ones.
"""

from pathlib import Path

from mlops_course.machinery.build.nbgrader_settings import apply_course_settings

apply_course_settings(get_config(), Path(__file__).parent, release_directory="notebooks")  # noqa: F821
