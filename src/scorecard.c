#include "config.h"

#include "scorecard.h"
