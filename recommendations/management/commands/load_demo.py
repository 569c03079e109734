from django.core.management.base import BaseCommand

from recommendations.demo import load_demo
from recommendations.demo_data import DEMO_USERS


class Command(BaseCommand):
    help = (
        "Load the demo Children's Trust from the seed documents (the 2007 Leeds audit and the "
        "2008 report). Safe to run again: it changes nothing that is already loaded."
    )

    def handle(self, *args, **options):
        passwords = load_demo()
        self.stdout.write(self.style.SUCCESS("Demo trust loaded."))
        self.stdout.write("Demo sign-ins (demo only, never use these passwords elsewhere):")
        for user in DEMO_USERS:
            name = user["username"]
            self.stdout.write(f"  {name:<10} {passwords[name]:<24} {user['role']}")
