"""The floor: a minimal two-command Typer app that prints one line with rich."""

import typer
from rich.console import Console

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    Console().print(f"hello {name}")


@app.command()
def bye() -> None:
    Console().print("bye")


if __name__ == "__main__":
    app()
