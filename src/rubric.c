#include "config.h"

#include "rubric.h"
