"""Errors a user can cause. The CLI prints them as one line, never a traceback."""


class BulletinxError(Exception):
    """A problem with the user's input or arguments; `str(err)` is the one-line message."""


class InputError(BulletinxError):
    """A file that cannot be read, decoded or parsed.

    >>> str(InputError("a.txt", "not valid UTF-8, GB18030 or UTF-16"))
    'a.txt: not valid UTF-8, GB18030 or UTF-16'
    """

    def __init__(self, path: str, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")
