from vae_cli.cli.app import main

main()
