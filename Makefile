.PHONY: run test test-quick setup
setup:
	bash scripts/setup.sh
run:
	bash scripts/run.sh
test:
	bash scripts/test.sh
test-quick:
	bash scripts/test_quick.sh $(ARGS)
