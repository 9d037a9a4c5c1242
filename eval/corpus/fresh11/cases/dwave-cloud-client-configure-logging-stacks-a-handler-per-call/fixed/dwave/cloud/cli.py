import click

import dwave.cloud
from dwave.cloud import configure_logging
from dwave.cloud.utils.logging import set_loglevel


def enable_logging(ctx, param, value):
    if value and not ctx.resilient_parsing:
        configure_logging()
        set_loglevel(dwave.cloud.logger, param.name)


def enable_loglevel(ctx, param, value):
    if value and not ctx.resilient_parsing:
        configure_logging()
        set_loglevel(dwave.cloud.logger, value)


@click.group()
@click.option('--debug', is_flag=True, callback=enable_logging, expose_value=False)
@click.option('--log', 'loglevel', callback=enable_loglevel, expose_value=False)
def cli():
    """D-Wave Cloud Client interactive configuration tool."""
