"""The content model: one pydantic class per kind of content file, in modules along the kinds.

- `text`: texts in every language and the rules for prose (markup, placeholders, numbers);
- `blocks`: what every file shares (review, sources);
- `site`: site.yaml, the clinic, the exercise library;
- `clinical`: warning signs, the red-flag catalogue, the regions' on-call numbers;
- `programme`: a programme's files;
- `exercise` and `pose`: an exercise and the pose its drawings are made from.

Validation needs to know the configured languages and placeholders; they come in through
pydantic's validation context (see `ValidationSettings`). Everything is importable from
`patientsite.model` itself.
"""

from __future__ import annotations

from patientsite.model.blocks import (
    ContentFile as ContentFile,
)
from patientsite.model.blocks import (
    Review as Review,
)
from patientsite.model.blocks import (
    Source as Source,
)
from patientsite.model.clinical import (
    URGENCY_RANK as URGENCY_RANK,
)
from patientsite.model.clinical import (
    BodyRegion as BodyRegion,
)
from patientsite.model.clinical import (
    Contact as Contact,
)
from patientsite.model.clinical import (
    HealthRegion as HealthRegion,
)
from patientsite.model.clinical import (
    Helpline as Helpline,
)
from patientsite.model.clinical import (
    Level as Level,
)
from patientsite.model.clinical import (
    MisleadingWord as MisleadingWord,
)
from patientsite.model.clinical import (
    RedFlag as RedFlag,
)
from patientsite.model.clinical import (
    RedFlags as RedFlags,
)
from patientsite.model.clinical import (
    Regions as Regions,
)
from patientsite.model.clinical import (
    Sign as Sign,
)
from patientsite.model.clinical import (
    Urgency as Urgency,
)
from patientsite.model.clinical import (
    WarningSigns as WarningSigns,
)
from patientsite.model.clinical import (
    Words as Words,
)
from patientsite.model.exercise import (
    Dosage as Dosage,
)
from patientsite.model.exercise import (
    Exercise as Exercise,
)
from patientsite.model.exercise import (
    Figure as Figure,
)
from patientsite.model.exercise import (
    Illustration as Illustration,
)
from patientsite.model.pose import (
    ARROW_PARTS as ARROW_PARTS,
)
from patientsite.model.pose import (
    POSITIONS as POSITIONS,
)
from patientsite.model.pose import (
    PRESETS as PRESETS,
)
from patientsite.model.pose import (
    PROPS as PROPS,
)
from patientsite.model.pose import (
    VIEWS as VIEWS,
)
from patientsite.model.pose import (
    Angle as Angle,
)
from patientsite.model.pose import (
    Pose as Pose,
)
from patientsite.model.pose import (
    _turn_field as _turn_field,
)
from patientsite.model.programme import (
    Condition as Condition,
)
from patientsite.model.programme import (
    Education as Education,
)
from patientsite.model.programme import (
    Expect as Expect,
)
from patientsite.model.programme import (
    Item as Item,
)
from patientsite.model.programme import (
    PageLink as PageLink,
)
from patientsite.model.programme import (
    Pain as Pain,
)
from patientsite.model.programme import (
    PainRule as PainRule,
)
from patientsite.model.programme import (
    PainSection as PainSection,
)
from patientsite.model.programme import (
    Phase as Phase,
)
from patientsite.model.programme import (
    PracticalTexts as PracticalTexts,
)
from patientsite.model.programme import (
    Programme as Programme,
)
from patientsite.model.programme import (
    ProgrammePage as ProgrammePage,
)
from patientsite.model.programme import (
    Prose as Prose,
)
from patientsite.model.programme import (
    Provider as Provider,
)
from patientsite.model.programme import (
    Question as Question,
)
from patientsite.model.programme import (
    Questions as Questions,
)
from patientsite.model.programme import (
    Region as Region,
)
from patientsite.model.programme import (
    Section as Section,
)
from patientsite.model.programme import (
    SelfCare as SelfCare,
)
from patientsite.model.programme import (
    Steps as Steps,
)
from patientsite.model.programme import (
    Symptoms as Symptoms,
)
from patientsite.model.programme import (
    TargetGroup as TargetGroup,
)
from patientsite.model.programme import (
    TitledItem as TitledItem,
)
from patientsite.model.programme import (
    Weeks as Weeks,
)
from patientsite.model.site import (
    Choice as Choice,
)
from patientsite.model.site import (
    Clinic as Clinic,
)
from patientsite.model.site import (
    DiaryTexts as DiaryTexts,
)
from patientsite.model.site import (
    ExerciseLibrary as ExerciseLibrary,
)
from patientsite.model.site import (
    Kroner as Kroner,
)
from patientsite.model.site import (
    Labels as Labels,
)
from patientsite.model.site import (
    Minutes as Minutes,
)
from patientsite.model.site import (
    PageSpec as PageSpec,
)
from patientsite.model.site import (
    Practicalities as Practicalities,
)
from patientsite.model.site import (
    Service as Service,
)
from patientsite.model.site import (
    SheetTexts as SheetTexts,
)
from patientsite.model.site import (
    SiteFile as SiteFile,
)
from patientsite.model.site import (
    StopAndCall as StopAndCall,
)
from patientsite.model.site import (
    StopRule as StopRule,
)
from patientsite.model.site import (
    TemplateName as TemplateName,
)
from patientsite.model.text import (
    INVISIBLE as INVISIBLE,
)
from patientsite.model.text import (
    MARKUP as MARKUP,
)
from patientsite.model.text import (
    MAX_TEXT_LENGTH as MAX_TEXT_LENGTH,
)
from patientsite.model.text import (
    PLACEHOLDER as PLACEHOLDER,
)
from patientsite.model.text import (
    Id as Id,
)
from patientsite.model.text import (
    Language as Language,
)
from patientsite.model.text import (
    PlainStr as PlainStr,
)
from patientsite.model.text import (
    Strict as Strict,
)
from patientsite.model.text import (
    Text as Text,
)
from patientsite.model.text import (
    Title as Title,
)
from patientsite.model.text import (
    ValidationSettings as ValidationSettings,
)
from patientsite.model.text import (
    _check_characters as _check_characters,
)
from patientsite.model.text import (
    _check_prose as _check_prose,
)
from patientsite.model.text import (
    _plain as _plain,
)
from patientsite.model.text import (
    _settings as _settings,
)
from patientsite.model.text import (
    describe as describe,
)
