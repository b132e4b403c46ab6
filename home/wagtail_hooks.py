"""Wagtail hooks of the portal app."""

from wagtail import hooks

from home.demo import load_home_demo

hooks.register("register_demo_content", load_home_demo, order=0)
