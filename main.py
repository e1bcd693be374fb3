"""Start TorchScope: ``python main.py --help`` lists the options."""

import sys

from gui.shell.app import main

if __name__ == "__main__":
    sys.exit(main())
