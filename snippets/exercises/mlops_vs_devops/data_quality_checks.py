"""Hidden checks of the data-quality exercise: the reader's tests must pass on the real users
table and fail on each faulty one (a table as a broken upstream export would deliver it)."""

from mlops_lab.data import load_users
from mlops_lab.frame import Frame


def faulty_users(change):
    """load_users, but each table it returns has `change(columns)` applied."""

    def load():
        table = load_users()
        columns = {name: list(table[name]) for name in table.columns}
        change(columns)
        return Frame(columns)

    return load


def nulls_in_age(columns):
    columns["age"][3] = columns["age"][17] = None


def ages_in_months(columns):
    columns["age"] = [age * 12 for age in columns["age"]]


def without_user_id(columns):
    del columns["user_id"]


def an_impossible_age(columns):
    columns["age"][5] = 212


def a_shifted_distribution(columns):
    columns["age"] = [age + 30 for age in columns["age"]]  # all still under 120


def users_exported_twice(columns):
    for values in columns.values():
        values.extend(values[:5])  # every age, country and plan still looks fine


def an_unknown_plan(columns):
    columns["plan"][8] = columns["plan"][21] = "enterprise"  # a plan the product does not sell


LOAD = "mlops_lab.data.load_users"
FAULTS = {
    "a table with nulls in age": {LOAD: faulty_users(nulls_in_age)},
    "ages stored in months": {LOAD: faulty_users(ages_in_months)},
    "a table without its user_id column": {LOAD: faulty_users(without_user_id)},
    "an impossible age (212)": {LOAD: faulty_users(an_impossible_age)},
    "a shifted distribution (everyone 30 years older)": {
        LOAD: faulty_users(a_shifted_distribution)
    },
    # The lesson's data test misses these two: no check of its looks at repeats or at plans.
    "users exported twice (a repeated user_id)": {LOAD: faulty_users(users_exported_twice)},
    "an unknown plan ('enterprise')": {LOAD: faulty_users(an_unknown_plan)},
}
