from training.models.certificates import Certificate, new_code, normalise_code  # noqa: F401
from training.models.exams import Answer, Attempt, Choice, Question, QuestionKind  # noqa: F401
from training.models.learning import (  # noqa: F401
    Enrolment,
    EnrolmentSource,
    Learner,
    LessonProgress,
    TrainingSettings,
    display_name,
)
from training.models.pages import (  # noqa: F401
    RESERVED_SLUGS,
    CourseAudience,
    CourseIndexPage,
    CoursePage,
    LessonBodyBlock,
    LessonPage,
    Track,
    audiences_for,
    courses_for_readers,
)
