"""The users dataset the lesson's data tests check."""

from mlops_lab.frame import read_csv
from mlops_lab.resources import data_lines


def load_users():
    """The users table: ``user_id``, ``age``, ``country``, ``plan``, one row per user."""
    return read_csv(data_lines("users.csv"))


def load_users_with_bad_rows():
    """The same table as a broken upstream export would deliver it: a missing and an impossible age.

    The notebook uses it to show the data tests catching bad data before training does.
    """
    lines = data_lines("users.csv")
    return read_csv([*lines, "9001,,DE,free", "9002,212,FR,pro"])
