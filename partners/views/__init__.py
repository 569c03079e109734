from .actions import *  # noqa: F403
from .attendance import *  # noqa: F403
from .directory import *  # noqa: F403
from .governance import *  # noqa: F403
from .meeting_records import *  # noqa: F403
from .meetings import *  # noqa: F403
from .memberships import *  # noqa: F403
from .records import *  # noqa: F403
