import argparse
import getpass
import sys

from .tools.login import login
from .tools.wall import delete_posts
from .tools.likes import unlike_pages
from .tools.conversations import traverse_conversations
from .quit_driver import quit_driver_and_reap_children


def run_delete():
    parser = argparse.ArgumentParser()
    parser.add_argument("-M", "--mode", required=True, dest="mode")
    parser.add_argument("-E", "--email", required=True, dest="email")
    parser.add_argument("-P", "--profile-url", dest="profile_url")
    parser.add_argument("-Y", "--year", default=None, dest="year")
    parser.add_argument("-H", "--headless", action="store_true", dest="is_headless")
    args = parser.parse_args()

    driver = login(
        user_email_address=args.email,
        user_password=getpass.getpass(),
        is_headless=args.is_headless,
    )

    try:
        if args.mode == "wall":
            delete_posts(driver, args.profile_url, year=args.year)
        elif args.mode == "unlike_pages":
            unlike_pages(driver, args.profile_url)
        elif args.mode == "conversations":
            traverse_conversations(driver, year=args.year)
        else:
            print("Please enter a valid mode")
            sys.exit(1)
    except:
        if driver:
            quit_driver_and_reap_children(driver)

if __name__ == "__main__":
    run_delete()
