"""What the demo loaders hand on to each other.

`load_demo` runs each app's `<app>.demo.load(context)` in INSTALLED_APPS order with one
`DemoContext`. Each loader adds what it made (or, on a second run, what it finds of its own), so a
later app takes the demo organisations, people, programmes and courses from here instead of
looking them up by a Chinese title or slug or importing another app's demo module. The fields
hold model instances; they are untyped because `home` does not import the apps that fill them.
"""

from dataclasses import dataclass, field


@dataclass
class DemoContext:
    """The demo objects made so far, filled in app order (home, disclosure, integrity, …)."""

    stdout: object  # the command's output, for one line per app
    home: object = None  # home: the site's home page (HomePage)
    organizations: dict = field(default_factory=dict)  # disclosure: OrganizationPage by slug
    demo_organization: object = None  # disclosure: the organisation of the demo accounts
    people: dict = field(default_factory=dict)  # disclosure: demo users by login key
    programmes: list = field(default_factory=list)  # integrity: monthly programmes, oldest first
    films: list = field(default_factory=list)  # integrity: films (media) a lesson may show
    courses: dict = field(default_factory=dict)  # training: CoursePage by slug, in menu order

    def add_section_index(self, model, title, slug, intro):
        """Create a top-level section page (shown in the main menu) under the home page."""
        index = model(title=title, slug=slug, show_in_menus=True, intro=intro)
        self.home.add_child(instance=index)
        return index
