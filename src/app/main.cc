// The cakupan command-line program. main() only hands over to cli/.
#include "cli/commands.h"

int main(int argc, char** argv) { return cakupan::RunCli(argc, argv); }
