#include "config.h"

#include "width.h"
