from reminisce.cli import main

raise SystemExit(main())
